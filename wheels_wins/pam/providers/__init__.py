"""Model providers behind one interface, and the fallback chain over them."""
