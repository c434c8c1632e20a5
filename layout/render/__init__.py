"""Back ends that turn a placed page into PDF bytes or readable text."""
