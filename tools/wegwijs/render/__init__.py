"""What the build writes: navigation, plan pages, permanent links, search index, interface strings."""
