"""Push notifications: an outbox written with each change, and a worker that delivers it."""
