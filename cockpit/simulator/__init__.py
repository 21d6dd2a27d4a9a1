"""The built-in simulated vehicle: physics, the ECUs the head unit talks to, and their frames on a bus."""
