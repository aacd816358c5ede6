"""The domain: the task lifecycle, the creator's account, rules, money and time. No I/O, no language choice."""
