"""The product's core: plain Python, no Textual import."""
