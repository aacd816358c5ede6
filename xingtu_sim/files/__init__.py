"""Files users give us, read at the edge: checked before they are read, TOML checked key by key."""
