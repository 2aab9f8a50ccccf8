"""Conversations and commands, messenger-neutral: an Incoming event in, replies out."""
