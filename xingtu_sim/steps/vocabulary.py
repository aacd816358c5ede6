"""The step vocabulary: the exact phrasings scenario writers rely on, in English and Chinese."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Self

from xingtu_sim.domain.lifecycle import State, Trigger
from xingtu_sim.domain.names import QUOTES
from xingtu_sim.i18n import Lang, parse_label

# The languages the vocabulary is written in (Gherkin's codes), in the order of Phrase's fields. It is
# a contract kept as data, not a message: a reader of another language writes (and is shown) the
# English phrasings. This module alone says which words a language's reader writes: code that needs
# them asks vocabulary_lang(), GHERKIN or a Phrase, and never compares language codes itself.
LANGUAGES = ("en", "zh-CN")
GHERKIN_DEFAULT = "en"  # the language of a feature file without a "# language:" line (Gherkin's rule)


def vocabulary_lang(lang: Lang) -> str:
    """The vocabulary's language for a reader or a feature file of `lang`: zh, zh-CN, zh_CN; else English."""
    wanted = lang.replace("_", "-").casefold()
    return next(
        (known for known in LANGUAGES if wanted in (known.casefold(), known.casefold().split("-")[0])), LANGUAGES[0]
    )


@dataclass(frozen=True)
class Gherkin:
    """The Gherkin words of one language that xingtu-sim reads and writes (Gherkin's own, from its dialects)."""

    header: str  # the first line of a feature file, if the language needs one
    feature: str
    scenario: str
    given: str
    when: str
    then: str
    and_: str
    space: str  # between words, and between a keyword and its step: Chinese runs them together


GHERKIN = {
    "en": Gherkin("", "Feature", "Scenario", "Given", "When", "Then", "And", " "),
    "zh-CN": Gherkin("# language: zh-CN", "功能", "场景", "假如", "当", "那么", "而且", ""),
}


class Kind(enum.Enum):
    """Where a phrase may stand: after Given, When or Then (And/But continue the one before)."""

    GIVEN = "given"
    WHEN = "when"
    THEN = "then"

    def keyword(self, lang: Lang) -> str:
        """Its Gherkin keyword in the vocabulary's language for `lang`: Given, 假如."""
        return str(getattr(GHERKIN[vocabulary_lang(lang)], self.value))

    @classmethod
    def from_label(cls, written: str) -> Self:
        """The kind a step type ("given") or a keyword of any vocabulary language ("Given", "假如") names."""
        wanted = written.strip().casefold()
        for kind in cls:
            if wanted == kind.value or wanted in {kind.keyword(lang).casefold() for lang in LANGUAGES}:
                return kind
        raise ValueError(written)


GIVEN, WHEN, THEN = Kind.GIVEN, Kind.WHEN, Kind.THEN

# What each placeholder matches. Names and labels are checked by the step, so that a typo in a
# state or platform gets "unknown state" rather than "undefined step".
#
# Every pattern matches in time linear in the step's length, whatever is written: quantifiers are
# possessive (`*+`, `++`) wherever what follows cannot start the same way, adjacent spaces are merged
# into one run, and a free-text value starts and ends with a non-space, so that the lazy `.*?` inside
# it takes a run of spaces only at the run's start. (`\s*\s*` side by side made a 163-character
# near miss take a minute; issue 15.)
_QUOTE = QUOTES  # the domain's, so that no name holds one
_QUOTED = f"[{_QUOTE}](?P<name>[^{_QUOTE}]*+)[{_QUOTE}]"
_FREE_TEXT = r"(?P<name>\S(?:.*?\S)?)"
# A whole number: 150000, 150,000, 15万, 1.5万, 15w (as Chinese social media write 万), 十五万.
_COUNT = r"(?P<name>\d[\d,]*+(?:\.\d++)?[万w]?|[零〇一二两三四五六七八九十百千万亿]++)"
# Each placeholder's pattern; "(?P<name>" becomes the group named after the placeholder.
_PLACEHOLDERS = {
    "n": _COUNT,
    "amount": r"(?P<name>\d[\d,]*+(?:\.\d++)?)",
    "task": _QUOTED,
    "brand": _QUOTED,
    "text": _QUOTED,
    "state": _FREE_TEXT,
    "platform": r"(?P<name>\S+?)",
    "reason": _FREE_TEXT,
}
_PLACEHOLDER = re.compile(r"\"?\{(\w+)\}\"?")
# Characters written in more than one way; a space after a comma is allowed, as in "，" or ", ".
_EQUIVALENT = {"'": "['’]", "%": "[%％]", "，": "[，,]"}
_SPACE_AFTER = {"，"}
# A step written as a sentence may end with a full stop.
_FULL_STOP = "[.。]"
# The longest step the runner reads; longer is bad input (a step is one line of a scenario).
MAX_STEP_LENGTH = 1000


@dataclass(frozen=True)
class Phrase:
    """One step of the vocabulary in both languages; `trigger` names the move an action step makes."""

    key: str
    kinds: tuple[Kind, ...]
    en: str
    zh: str
    trigger: Trigger | None = None
    # Other words for the same step, accepted as they are (SPEC: "Additions"), e.g. the source text's.
    en_variants: tuple[str, ...] = ()
    zh_variants: tuple[str, ...] = ()

    def template(self, lang: Lang) -> str:
        """The phrasing in the vocabulary's language for `lang`."""
        return self.templates(lang)[0]

    def templates(self, lang: Lang) -> tuple[str, ...]:
        """The phrasing in the vocabulary's language for `lang`, then the variants it accepts."""
        return self._templates[vocabulary_lang(lang)]

    def variants(self, lang: Lang) -> tuple[str, ...]:
        return self.templates(lang)[1:]

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The names of the values the phrase carries, in the order its English template has them."""
        return tuple(found.group(1) for found in _PLACEHOLDER.finditer(self.en))

    def patterns(self, lang: Lang) -> tuple[re.Pattern[str], ...]:
        return self._patterns[vocabulary_lang(lang)]

    def pattern(self, lang: Lang) -> re.Pattern[str]:
        """The pattern of the phrasing itself in `lang`, without its variants."""
        return self.patterns(lang)[0]

    def match(self, text: str) -> re.Match[str] | None:
        """The values of `text` if it says this phrase, in any of the vocabulary's languages, else None."""
        for patterns in self._patterns.values():
            for pattern in patterns:
                if found := pattern.fullmatch(text):
                    return found
        return None

    def render(self, lang: Lang, **values: object) -> str:
        """The phrase with its placeholders filled, e.g. for generated scenarios."""
        return self.template(lang).format(**values)

    @cached_property
    def _templates(self) -> dict[str, tuple[str, ...]]:
        phrasings = ((self.en, *self.en_variants), (self.zh, *self.zh_variants))
        return dict(zip(LANGUAGES, phrasings, strict=True))

    @cached_property
    def _patterns(self) -> dict[str, tuple[re.Pattern[str], ...]]:
        return {
            lang: tuple(compile_template(template, lang) for template in templates)
            for lang, templates in self._templates.items()
        }


def placeholder_pattern(name: str) -> str:
    """What a value of the placeholder `name` must look like (quotes included), e.g. "n": a whole number."""
    return _PLACEHOLDERS[name].replace("(?P<name>", "(?:")


def compile_template(template: str, lang: str, placeholders: Mapping[str, str] = _PLACEHOLDERS) -> re.Pattern[str]:
    """A template of the vocabulary's language `lang` as a full-match pattern: placeholders become groups.

    English needs a space where the template has one; Chinese runs words together, so there a space
    (also around a placeholder) is allowed, not required. Spaces side by side become one run.
    """
    spaced = bool(GHERKIN[vocabulary_lang(lang)].space)
    tokens: list[str | bool] = [False]  # a pattern, or a run of spaces: True if required
    position = 0
    for found in _PLACEHOLDER.finditer(template):
        tokens += _literal(template[position : found.start()], spaced)
        name = found.group(1)
        pattern = placeholders.get(name, _PLACEHOLDERS[name]).replace("(?P<name>", f"(?P<{name}>")
        tokens += [False, pattern, False]
        position = found.end()
    tokens += [*_literal(template[position:], spaced), False, f"(?:{_FULL_STOP}\\s*+)?"]
    parts: list[str | bool] = []
    for token in tokens:
        if isinstance(token, bool) and parts and isinstance(parts[-1], bool):
            parts[-1] = parts[-1] or token
        else:
            parts.append(token)
    return re.compile("".join(_run(part) if isinstance(part, bool) else part for part in parts), re.IGNORECASE)


def _run(required: bool) -> str:
    return r"\s++" if required else r"\s*+"


def _literal(text: str, spaced: bool) -> list[str | bool]:
    tokens: list[str | bool] = []
    for char in text:
        tokens.append(spaced if char == " " else _EQUIVALENT.get(char, re.escape(char)))
        if char in _SPACE_AFTER:
            tokens.append(False)
    return tokens


VOCABULARY: tuple[Phrase, ...] = (
    # Given: set-up
    Phrase("creator", (GIVEN,), "a creator with {n} followers", "一位拥有 {n} 粉丝的达人"),
    Phrase(
        "creator_on_platform", (GIVEN,),
        "a creator with {n} followers on {platform}", "一位在 {platform} 拥有 {n} 粉丝的达人",
    ),
    Phrase("has_opened", (GIVEN,), "the creator has opened Xingtu", "达人已开通星图"),
    Phrase("has_stopped", (GIVEN,), "the creator has stopped receiving tasks", "达人已关闭接收任务"),
    Phrase("fee", (GIVEN,), "the service fee is {n} percent", "平台服务费为 {n}%"),
    Phrase(
        "publish", (GIVEN, WHEN),
        'the brand "{brand}" publishes the task "{task}" paying {amount} yuan',
        '品牌方 "{brand}" 发布任务 "{task}" 报酬 {amount} 元',
    ),
    Phrase("task_is", (GIVEN,), 'the task "{task}" is {state}', '任务 "{task}" 处于 {state}'),
    Phrase("asks_for", (GIVEN, WHEN), 'the task "{task}" asks for "{text}"', '任务 "{task}" 的需求是 "{text}"'),
    # When: the creator's account
    Phrase("open", (WHEN,), "the creator opens Xingtu", "达人开通星图"),
    Phrase("stop_receiving", (WHEN,), "the creator stops receiving tasks", "达人关闭接收任务"),
    Phrase("resume_receiving", (WHEN,), "the creator resumes receiving tasks", "达人开启接收任务"),
    # When: moves of a task, each naming its trigger in the lifecycle table
    Phrase(
        "view", (WHEN,), 'the creator views the task "{task}"', '达人查看任务 "{task}" 的详情', Trigger.VIEW,
        en_variants=('the creator clicks the task title "{task}"',),
        zh_variants=('达人点击任务标题 "{task}"', '达人查看任务详情 "{task}"'),
    ),
    Phrase("close", (WHEN,), 'the creator closes the task "{task}"', '达人关闭任务 "{task}" 的详情', Trigger.CLOSE),
    Phrase("accept", (WHEN,), 'the creator accepts the task "{task}"', '达人接受任务 "{task}"', Trigger.ACCEPT),
    Phrase("decline", (WHEN,), 'the creator declines the task "{task}"', '达人拒绝任务 "{task}"', Trigger.DECLINE),
    Phrase(
        "start_script", (WHEN,),
        'the creator starts the script for "{task}"', '达人开始撰写任务 "{task}" 的脚本', Trigger.START_SCRIPT,
    ),
    Phrase(
        "submit_script", (WHEN,),
        'the creator submits the script for "{task}"', '达人提交任务 "{task}" 的脚本', Trigger.SUBMIT_SCRIPT,
    ),
    Phrase(
        "approve_script", (WHEN,),
        'the brand approves the script for "{task}"', '品牌方通过任务 "{task}" 的脚本', Trigger.APPROVE_SCRIPT,
    ),
    Phrase(
        "request_script_changes", (WHEN,),
        'the brand requests changes to the script for "{task}"', '品牌方要求修改任务 "{task}" 的脚本',
        Trigger.REQUEST_SCRIPT_CHANGES,
    ),
    Phrase(
        "upload_video", (WHEN,),
        'the creator uploads the video for "{task}"', '达人上传任务 "{task}" 的视频', Trigger.UPLOAD_VIDEO,
    ),
    Phrase(
        "confirm_video", (WHEN,),
        'the brand confirms the video for "{task}"', '品牌方确认任务 "{task}" 的视频', Trigger.CONFIRM_VIDEO,
    ),
    Phrase(
        "request_video_changes", (WHEN,),
        'the brand requests changes to the video for "{task}"', '品牌方要求修改任务 "{task}" 的视频',
        Trigger.REQUEST_VIDEO_CHANGES,
    ),
    Phrase(
        "publish_video", (WHEN,),
        'the creator publishes the video for "{task}"', '达人发布任务 "{task}" 的视频', Trigger.PUBLISH,
    ),
    Phrase(
        "pass_review", (WHEN,), 'the platform approves "{task}"', '平台审核通过任务 "{task}"', Trigger.PASS_REVIEW,
        zh_variants=('平台审核完成任务 "{task}"',),
    ),
    Phrase("fail_review", (WHEN,), 'the platform rejects "{task}"', '平台审核驳回任务 "{task}"', Trigger.FAIL_REVIEW),
    Phrase("cancel", (WHEN,), 'the creator cancels the task "{task}"', '达人取消任务 "{task}"', Trigger.CANCEL),
    # When: time
    Phrase("hours_pass", (WHEN,), "{n} hours pass", "过了 {n} 小时", en_variants=("{n} hour passes",)),
    Phrase("days_pass", (WHEN,), "{n} days pass", "过了 {n} 天", en_variants=("{n} day passes",)),
    # Then: checks
    Phrase("state_is", (THEN,), 'the task "{task}" is {state}', '任务 "{task}" 的状态是 {state}'),
    Phrase("account_unchanged", (THEN,), "the creator's account is unchanged", "达人账户没有任何变化"),
    Phrase("balance_is", (THEN,), "the creator's balance is {amount} yuan", "达人余额为 {amount} 元"),
    Phrase(
        "fee_is", (THEN,),
        'the platform fee for "{task}" is {amount} yuan', '任务 "{task}" 的平台服务费为 {amount} 元',
    ),
    Phrase(
        "pending_count", (THEN,), "the creator has {n} pending tasks", "达人有 {n} 个待接收任务",
        en_variants=("the creator has {n} pending task",),
    ),
    Phrase("is_open", (THEN,), "the creator's Xingtu is open", "达人的星图已开通"),
    Phrase("is_not_open", (THEN,), "the creator's Xingtu is not open", "达人的星图未开通"),
    Phrase("refused", (THEN,), "the action is refused", "操作被拒绝"),
    Phrase("refused_because", (THEN,), "the action is refused because {reason}", "操作被拒绝，原因是{reason}"),
    Phrase(
        "breaches", (THEN,), "the creator has {n} breaches", "达人有 {n} 次违约记录",
        en_variants=("the creator has {n} breach",),
    ),
)  # fmt: skip

# State names of the source text, by the vocabulary's language, accepted wherever a step writes a
# state (SPEC: "Additions").
STATE_VARIANTS: dict[str, dict[str, State]] = {"zh-CN": {"待接收任务": State.PENDING_RECEIPT, "已失效": State.EXPIRED}}

# Phrasings that say each other's opposite: a step that negates one ("不接任务") means the other.
OPPOSITES: dict[str, str] = {
    "accept": "decline",
    "pass_review": "fail_review",
    "approve_script": "request_script_changes",
    "confirm_video": "request_video_changes",
    "stop_receiving": "resume_receiving",
    "is_open": "is_not_open",
}
OPPOSITES |= {second: first for first, second in OPPOSITES.items()}


def state_variants(lang: Lang) -> dict[str, State]:
    """The source text's names of states in the vocabulary's language for `lang` (none in English)."""
    return STATE_VARIANTS.get(vocabulary_lang(lang), {})


def state_named(written: str) -> State:
    """The state a step writes: an id, a label in any language, or a name of the source text."""
    variants = {name: state for lang in LANGUAGES for name, state in state_variants(lang).items()}
    return variants.get("".join(written.split())) or parse_label(State, written)


PHRASES: dict[str, Phrase] = {phrase.key: phrase for phrase in VOCABULARY}
PHRASE_FOR_TRIGGER: dict[Trigger, Phrase] = {phrase.trigger: phrase for phrase in VOCABULARY if phrase.trigger}


def phrases_matching(text: str) -> list[Phrase]:
    """Every phrase that `text` (a step without its keyword) says, in either language."""
    return [phrase for phrase in VOCABULARY if phrase.match(text)]


def matching(text: str, kind: Kind) -> Phrase | None:
    """The phrase that `text` says where it stands after a `kind` keyword, if any."""
    return next((phrase for phrase in phrases_matching(text) if kind in phrase.kinds), None)


def step_line(
    phrase: Phrase, lang: Lang, kind: Kind | None = None, *, variant: str | None = None, **values: object
) -> str:
    """The phrase (or one of its variants) after a keyword, as a feature file has it: "When the creator …"."""
    template = variant or phrase.template(lang)
    body = template.format(**values) if values else template
    return f"{(kind or phrase.kinds[0]).keyword(lang)}{GHERKIN[vocabulary_lang(lang)].space}{body}"
