"""The simulated car's diagnostic side: a UDS server per ECU, their fault memory, OBD-II."""
