"""Mailbox sources (IMAP with IDLE, local Maildir): deliver raw messages without changing the mailbox."""
