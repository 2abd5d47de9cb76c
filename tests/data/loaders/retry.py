"""Retry helpers for flaky network calls."""

import random
import time


def backoff(attempt: int, base: float = 0.5) -> float:
    """Exponential backoff with full jitter."""
    return random.uniform(0, base * 2 ** attempt)
    
    
class Retry:
    def __init__(self, attempts=3):
        self.attempts = attempts

    def __call__(self, fn):
        for attempt in range(self.attempts):
            try:
                return fn()
            except OSError:
                time.sleep(backoff(attempt))
        raise TimeoutError("gave up")
