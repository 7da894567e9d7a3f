"""The data's coded values (event types, themes, roles…) as words a reader sees, in English
and, through the catalogue (locales/), in French. The values themselves stay English in the
data and the CSV (a public contract, shared with ACLED); only what is shown is translated.

`N_` marks a string for the catalogue without translating it here (gettext's convention).
"""
from __future__ import annotations

from mali_tracker.i18n import translate


def N_(text: str) -> str:
    return text


CODED_VALUES = (
    # ACLED event types
    N_("Battles"), N_("Violence against civilians"), N_("Explosions/Remote violence"), N_("Protests"),
    N_("Riots"), N_("Strategic developments"),
    # ACLED sub-event types
    N_("Abduction/forced disappearance"), N_("Agreement"), N_("Air/drone strike"), N_("Armed clash"),
    N_("Arrests"), N_("Attack"), N_("Change to group/activity"), N_("Chemical weapon"),
    N_("Disrupted weapons use"), N_("Excessive force against protesters"), N_("Government regains territory"),
    N_("Grenade"), N_("Headquarters or base established"), N_("Looting/property destruction"),
    N_("Mob violence"), N_("Non-state actor overtakes territory"), N_("Non-violent transfer of territory"),
    N_("Other"), N_("Peaceful protest"), N_("Protest with intervention"), N_("Remote explosive/landmine/IED"),
    N_("Sexual violence"), N_("Shelling/artillery/missile attack"), N_("Suicide bomb"), N_("Violent demonstration"),
    # themes
    N_("politics"), N_("security"), N_("international"), N_("justice"),
    # an actor's part in an event
    N_("initiator"), N_("target"), N_("associated"),
)
# Kinds of actor (actors.actor_type), as words.
ACTOR_TYPE_WORDS = {
    "state": N_("state"), "armed_forces": N_("armed forces"), "junta_body": N_("junta body"),
    "government_body": N_("government body"), "person": N_("person"), "foreign_state": N_("foreign state"),
    "foreign_force": N_("foreign force"), "private_military": N_("private military company"),
    "international_org": N_("international organisation"), "regional_org": N_("regional organisation"),
    "jihadist_group": N_("jihadist group"), "armed_movement": N_("armed movement"), "militia": N_("militia"),
    "political_movement": N_("political movement"), "civilians": N_("civilians"),
}


def shown(value: str | None, lang: str) -> str:
    """A coded value as the reader sees it (unknown values, e.g. an import's, as they are)."""
    return translate(value, lang) if value else ""
