"""What looked-after children's records declare to the rest of Haven."""
