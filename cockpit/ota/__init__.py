"""Over-the-air updates: a TUF-signed repository, the car's client, A/B content slots and the install policy.

Qt-free. Every artifact the car installs has been verified by TUF's client (`tuf.ngclient`) against
metadata signed by the repository's offline keys; nothing here does cryptography of its own.
"""
