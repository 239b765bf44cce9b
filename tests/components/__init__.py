"""Tests for the reusable UI components."""
