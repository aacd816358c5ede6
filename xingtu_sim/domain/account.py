"""The creator's account: platform, followers, Xingtu open or not, receiving, balance, breaches."""

from __future__ import annotations

from dataclasses import dataclass, replace

from xingtu_sim.domain.errors import ActionRefused, InputError, Message, Reason, message
from xingtu_sim.i18n import LabelledEnum, join


class Platform(LabelledEnum):
    """Where the creator's followers are; the value is its id."""

    DOUYIN = "douyin", "Douyin", "抖音"
    XIGUA = "xigua", "Xigua", "西瓜"
    HUOSHAN = "huoshan", "Huoshan", "火山"


def parse_platform(name: str) -> Platform:
    """A platform by its id or its label in either language (douyin, Douyin, 抖音)."""
    try:
        return Platform.from_label(name)
    except ValueError:
        choices = [f"{p.value} ({p.zh})" for p in Platform]
        raise InputError(message("error.platform", platform=name, platforms=lambda lang: join(choices, lang))) from None


class AccountAction(LabelledEnum):
    """What a creator can do with the account itself."""

    OPEN = "open", "open Xingtu", "开通星图"
    STOP_RECEIVING = "stop_receiving", "stop receiving tasks", "关闭接收任务"
    RESUME_RECEIVING = "resume_receiving", "resume receiving tasks", "开启接收任务"


@dataclass
class CreatorAccount:
    """One creator's standing with Xingtu. Money is whole fen."""

    followers: int
    platform: Platform = Platform.DOUYIN
    xingtu_open: bool = False
    receiving: bool = False
    balance_fen: int = 0
    breaches: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.followers, bool) or not isinstance(self.followers, int) or self.followers < 0:
            raise InputError(message("error.followers", followers=self.followers))

    def snapshot(self) -> CreatorAccount:
        """A copy to compare with later: equal means nothing changed."""
        return replace(self)

    def open_xingtu(self, followers_needed: int) -> None:
        """Open Xingtu: refused below the platform's follower threshold. Receiving starts on."""
        if self.xingtu_open:
            self._refuse(AccountAction.OPEN, Reason.NOT_ALLOWED, message("refused.detail.already_open"))
        if self.followers < followers_needed:
            detail = message(
                "refused.detail.followers",
                platform=self.platform,
                needed=followers_needed,
                followers=self.followers,
            )
            self._refuse(AccountAction.OPEN, Reason.NOT_ELIGIBLE, detail)
        self.xingtu_open = True
        self.receiving = True

    def stop_receiving(self) -> None:
        self._require_open(AccountAction.STOP_RECEIVING)
        if not self.receiving:
            detail = message("refused.detail.already_stopped")
            self._refuse(AccountAction.STOP_RECEIVING, Reason.NOT_ALLOWED, detail)
        self.receiving = False

    def resume_receiving(self) -> None:
        self._require_open(AccountAction.RESUME_RECEIVING)
        if self.receiving:
            detail = message("refused.detail.already_receiving")
            self._refuse(AccountAction.RESUME_RECEIVING, Reason.NOT_ALLOWED, detail)
        self.receiving = True

    def refusal_to_receive(self) -> Reason | None:
        """Why a brand may not publish to this creator now, if it may not."""
        if not self.xingtu_open:
            return Reason.XINGTU_NOT_OPENED
        if not self.receiving:
            return Reason.NOT_RECEIVING
        return None

    def possible_actions(self) -> list[AccountAction]:
        if not self.xingtu_open:
            return [AccountAction.OPEN]
        return [AccountAction.STOP_RECEIVING if self.receiving else AccountAction.RESUME_RECEIVING]

    def _require_open(self, action: AccountAction) -> None:
        if not self.xingtu_open:
            self._refuse(action, Reason.XINGTU_NOT_OPENED)

    def _refuse(self, action: AccountAction, reason: Reason, detail: Message | None = None) -> None:
        raise ActionRefused(
            reason,
            message("refused.account", action=action, reason=reason),
            detail,
            possible_now=[a.label for a in self.possible_actions() if a is not action],  # never the refused one
            action=action.value,
        )
