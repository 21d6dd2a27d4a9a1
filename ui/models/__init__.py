"""Qt item models of the head unit (model/view for anything that can grow to thousands of rows)."""

from .frame_table import FrameTableModel

__all__ = ["FrameTableModel"]
