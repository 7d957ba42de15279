"""Keys derived from the app's SECRET_KEY: keyed hashes to look secrets up, and Fernet
encryption for secrets kept at rest (invite codes, Apple refresh tokens).

Each use names its own purpose, so every purpose gets its own key (HKDF), and a key of
one purpose says nothing about another's. Uses `cryptography` only; nothing of `api`.
"""
