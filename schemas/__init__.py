"""marshmallow schemas: load schemas say what a client may send, dump schemas what it gets."""
