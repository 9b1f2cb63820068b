"""How people events move the counts: one by one, and summed over a batch."""
from services.reporting import domain


def test_a_batch_moves_each_status_once_by_the_sum_of_its_events():
    changes = (domain.person_created("current") + domain.person_created("current")
               + domain.status_changed("archived") + domain.status_changed("current")
               + domain.status_changed("archived"))
    assert domain.summed(changes) == [domain.CountChange("archived", 1), domain.CountChange("current", 1)]


def test_archiving_and_restoring_in_one_batch_leaves_a_zero_change():
    assert domain.summed(domain.status_changed("archived") + domain.status_changed("current")) == [
        domain.CountChange("archived", 0), domain.CountChange("current", 0)]
