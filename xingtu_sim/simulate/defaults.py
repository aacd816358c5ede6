"""The default behaviour policy, shaped like a policy file: illustrative numbers, not measurements."""

from __future__ import annotations

from typing import Any

# Most creators look at a task within the day and most accept; brands ask for a change about one
# time in four; reviews mostly pass. A state or move of the lifecycle missing here makes the policy
# fail to load, loudly, so the table and these numbers stay in step.
DEFAULTS: dict[str, Any] = {
    "max_steps": 200,
    "prices": {"yuan": [1000, 3000, 8000, 20000], "probability": [0.4, 0.3, 0.2, 0.1]},
    "pending_receipt": {
        "view": {"probability": 0.9, "hours": [0, 20]},
        "decline": {"probability": 0.1, "hours": [0, 20]},
    },
    "viewing_details": {
        "close": {"probability": 0.15, "hours": [0, 2]},
        "accept": {"probability": 0.7, "hours": [0, 4]},
        "decline": {"probability": 0.15, "hours": [0, 4]},
    },
    "accepted": {
        "start_script": {"probability": 0.97, "hours": [0, 24]},
        "cancel": {"probability": 0.03, "hours": [0, 24]},
    },
    "scripting": {
        "submit_script": {"probability": 0.97, "hours": [4, 48]},
        "cancel": {"probability": 0.03, "hours": [4, 48]},
    },
    "script_review": {
        "approve_script": {"probability": 0.69, "hours": [2, 48]},
        "request_script_changes": {"probability": 0.3, "hours": [2, 48]},
        "cancel": {"probability": 0.01, "hours": [0, 24]},
    },
    "producing": {
        "upload_video": {"probability": 0.97, "hours": [24, 96]},
        "cancel": {"probability": 0.03, "hours": [24, 96]},
    },
    "video_review": {
        "confirm_video": {"probability": 0.75, "hours": [2, 48]},
        "request_video_changes": {"probability": 0.24, "hours": [2, 48]},
        "cancel": {"probability": 0.01, "hours": [0, 24]},
    },
    "publishing": {
        "publish": {"probability": 0.99, "hours": [0, 24]},
        "cancel": {"probability": 0.01, "hours": [0, 24]},
    },
    "in_review": {
        "pass_review": {"probability": 0.95, "hours": [1, 24]},
        "fail_review": {"probability": 0.05, "hours": [1, 24]},
    },
}
