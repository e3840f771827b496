"""The episode's yes/no strategy flag gives way to child protection's records
(issue 13): a strategy discussion is a StrategyDiscussion row, and one being
due is the CP-STRAT obligation a suspected-harm concern starts.

Nothing is copied. The flag was only ever set by the front door's decision for
a strategy discussion or immediate protection, in the transaction that
journaled the referral, so for every episode flagged true the child's journal
already holds the fact twice: "frontdoor.contact_decided" with the decision,
and "frontdoor.referral_received" with "strategy_discussion": true, which the
chronology goes on showing ("the front door decided on a strategy
discussion"). Inventing StrategyDiscussion rows for them would record meetings
nobody recorded: who took part, what was shared and decided are not known.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cin", "0009_drop_episode_contact_integer")]

    operations = [
        migrations.RemoveField(model_name="cinepisode", name="strategy_discussion"),
    ]
