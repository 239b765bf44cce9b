"""Tests for the states shared by every page."""
