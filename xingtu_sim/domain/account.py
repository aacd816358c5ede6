"""The creator's account: platform, followers, Xingtu open or not, receiving, balance, breaches."""

from __future__ import annotations

from dataclasses import dataclass, replace

from xingtu_sim.domain.errors import ActionRefused, InputError, Reason
from xingtu_sim.domain.text import LabelledEnum, Message, Text, _, join, pgettext


class Platform(LabelledEnum):
    """Where the creator's followers are; the value is its id, `native` its own name (a proper noun, not a label)."""

    native: str

    def __new__(cls, platform_id: str, label: Message, native: str) -> Platform:
        platform = object.__new__(cls)
        platform._value_ = platform_id
        platform.label, platform.native = label, native
        return platform

    DOUYIN = "douyin", pgettext("platform", "Douyin"), "抖音"
    XIGUA = "xigua", pgettext("platform", "Xigua"), "西瓜"
    HUOSHAN = "huoshan", pgettext("platform", "Huoshan"), "火山"

    @property
    def choice(self) -> str:
        """How help and errors name it: douyin (抖音)."""
        return f"{self.value} ({self.native})"


def parse_platform(name: str) -> Platform:
    """A platform by its id, English name or own name (douyin, Douyin, 抖音)."""
    wanted = name.strip().casefold()
    for platform in Platform:
        if wanted in {platform.id, platform.label.msgid.casefold(), platform.native}:
            return platform
    message = _(
        '"{platform}" is not a platform; use one of: {platforms}.',
        platform=name,
        platforms=join(p.choice for p in Platform),
    )
    raise InputError(message)


class AccountAction(LabelledEnum):
    """What a creator can do with the account itself."""

    OPEN = "open", pgettext("account action", "open Xingtu")
    STOP_RECEIVING = "stop_receiving", pgettext("account action", "stop receiving tasks")
    RESUME_RECEIVING = "resume_receiving", pgettext("account action", "resume receiving tasks")


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
            raise InputError(
                _('"{followers}" is not a follower count (a whole number, zero or more).', followers=self.followers)
            )

    def snapshot(self) -> CreatorAccount:
        """A copy to compare with later: equal means nothing changed."""
        return replace(self)

    def open_xingtu(self, followers_needed: int) -> None:
        """Open Xingtu: refused below the platform's follower threshold. Receiving starts on."""
        if self.xingtu_open:
            self._refuse(AccountAction.OPEN, Reason.NOT_ALLOWED, _("Xingtu is already open."))
        if self.followers < followers_needed:
            detail = _(
                "{platform} needs {needed} followers; the creator has {followers}.",
                platform=self.platform,
                needed=follower_count(followers_needed),
                followers=follower_count(self.followers),
            )
            self._refuse(AccountAction.OPEN, Reason.NOT_ELIGIBLE, detail)
        self.xingtu_open = True
        self.receiving = True

    def stop_receiving(self) -> None:
        self._require_open(AccountAction.STOP_RECEIVING)
        if not self.receiving:
            detail = _("The creator has already stopped receiving tasks.")
            self._refuse(AccountAction.STOP_RECEIVING, Reason.NOT_ALLOWED, detail)
        self.receiving = False

    def resume_receiving(self) -> None:
        self._require_open(AccountAction.RESUME_RECEIVING)
        if self.receiving:
            detail = _("The creator is already receiving tasks.")
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

    def _refuse(self, action: AccountAction, reason: Reason, detail: Text | None = None) -> None:
        raise ActionRefused(
            reason,
            _("Refused: the creator cannot {action}. Reason: {reason}.", action=action, reason=reason),
            detail,
            possible_now=[a.label for a in self.possible_actions() if a is not action],  # never the refused one
            action=action.value,
        )


def follower_count(count: int) -> Text:
    """100,000 in English; 10万 in Chinese, as the source text writes it: the catalogue says which."""
    if count and count % 10_000 == 0:
        return pgettext("a whole number of ten thousands", "{count:,}", count=count, ten_thousands=count // 10_000)
    return f"{count:,}"
