"""PAM: the in-process assistant that acts."""
