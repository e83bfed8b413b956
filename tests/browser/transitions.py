"""Bringing a page to rest: every CSS transition and animation that can end, ended.

A colour read while it fades is no colour the stylesheet sets. Material opens
its search panel with transitions of up to 0.5 s, so search results drawn
sooner are half transparent for a moment: axe-core once measured their grey
summaries at 4.29:1 instead of the 4.5:1 they have at rest.

Each one is moved to its end (Web Animations' finish()) rather than waited
for: a transition's end is the style the page settles in, it takes no time,
and waiting for every `finished` promise once hung a whole suite run.
"""

# An animation that repeats forever (a pulsing marker) has no end; it is part of the page at rest.
# Ending one may start another (a style that changes once the first is over), hence the rounds.
_TO_REST = """() => {
  const moving = () => document.getAnimations().filter(animation => animation.playState !== "finished"
    && animation.effect && animation.effect.getComputedTiming().endTime !== Infinity);
  for (let round = 0; round < 20; round++) {
    const ending = moving();
    if (!ending.length) return [];
    ending.forEach(animation => animation.finish());
  }
  return moving().map(animation =>
    `${animation.animationName || animation.transitionProperty} on ${animation.effect.target}`);
}"""


def bring_to_rest(page) -> None:
    """End every transition and animation on ``page`` that can end, so styles read are the settled ones."""
    still_moving = page.evaluate(_TO_REST)
    assert still_moving == [], f"these kept starting again after 20 rounds: {still_moving}"
