"""Value mappings on embedded storage: a field's mappings are replaced whole and kept per landlord; a refused
set changes nothing; a run's unknown values are read from its kept rejected rows with the saved mappings, or with
one field's proposed instead (saving nothing); another landlord's run is not found; a run begins with the
landlord's mappings."""
import importlib
import uuid

import pytest

from services.common.errors import InvalidInput, NotFound

domain = importlib.import_module("services.import.domain")
feed = importlib.import_module("services.import.feed")
running = importlib.import_module("services.import.running.service")
service = importlib.import_module("services.import.service")
store = importlib.import_module("services.import.store")
vm = importlib.import_module("services.import.value_mappings")
STALE = importlib.import_module("services.import.worker").STALE_AFTER

AREAS = ["Area A", "Area B"]
OPTIONS = {"area": AREAS, "household_status": ["Head", "Joint", "Other"]}
UNKNOWN_AREA = "is not an option of the list 'area'"


def _save(runtime, landlord, field, entries):
    with runtime.uow(landlord) as uow:
        return service.save_value_mappings(uow, field=field, entries=entries, options=OPTIONS[field])


def _run_with_rejections(runtime, landlord) -> domain.ImportRun:
    with runtime.uow(landlord) as uow:
        run = service.queue(uow, domain.ImportRun.new(landlord_id=landlord, source=domain.FILE, mode=domain.DELTA,
                                                      now=uow.clock.now()))
        store.RunRepository(uow.session, landlord).add_rejections(run.run_id, [
            feed.RowProblem(2, "area", UNKNOWN_AREA, {"area": "North"}),
            feed.RowProblem(3, "area", UNKNOWN_AREA, {"area": "north"}),
            feed.RowProblem(4, "area", UNKNOWN_AREA, {"area": "Area Bee"})])
        uow.commit()
    return run


def test_a_fields_mappings_are_replaced_whole_and_kept_per_landlord(runtime):
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    _save(runtime, mine, "area", [("North", "Area A"), ("South", "Area B")])
    _save(runtime, mine, "household_status", [("Lead tenant", "Head")])
    saved = _save(runtime, mine, "area", [("Northern", "area a")])
    assert saved == [vm.ValueMapping("area", "Northern", "Area A"),
                     vm.ValueMapping("household_status", "Lead tenant", "Head")]
    with pytest.raises(InvalidInput):
        _save(runtime, mine, "area", [("East", "Area Z")])
    with runtime.uow(mine) as uow:
        assert service.value_mappings(uow) == saved, "a refused set changes nothing"
    with runtime.uow(theirs) as uow:
        assert service.value_mappings(uow) == []


def test_unknown_values_come_from_the_runs_rejected_rows_with_saved_or_proposed_mappings(runtime):
    landlord = str(uuid.uuid4())
    run = _run_with_rejections(runtime, landlord)
    _save(runtime, landlord, "area", [("North", "Area A")])
    with runtime.uow(landlord) as uow:
        rows, accepted, found = service.unknown_values(uow, run_id=run.run_id, options_of=OPTIONS.get)
    assert (rows, accepted) == (3, 2)
    assert found == [vm.UnknownValue("area", "North", 2, "Area A", ""), vm.UnknownValue("area", "Area Bee", 1, "",
                                                                                         "Area B")]
    proposed = [vm.ValueMapping("area", "Area Bee", "Area B")]
    with runtime.uow(landlord) as uow:
        rows, accepted, _ = service.unknown_values(uow, run_id=run.run_id, options_of=OPTIONS.get, field="area",
                                                   proposed=proposed)
        assert (rows, accepted) == (3, 1), "the proposal replaces the field's saved mappings"
        assert service.value_mappings(uow) == [vm.ValueMapping("area", "North", "Area A")]
    with runtime.uow(str(uuid.uuid4())) as uow, pytest.raises(NotFound):
        service.unknown_values(uow, run_id=run.run_id, options_of=OPTIONS.get)


def test_a_run_begins_with_the_landlords_mappings(runtime):
    landlord = str(uuid.uuid4())
    _save(runtime, landlord, "household_status", [("Lead tenant", "Head")])
    with runtime.uow(landlord) as uow:
        run = service.queue(uow, domain.ImportRun.new(landlord_id=landlord, source=domain.FILE, mode=domain.DELTA,
                                                      now=uow.clock.now()))
    with runtime.uow(platform=True) as uow:
        assert running.claim_next_run(uow, worker="w1", stale_after=STALE) == (landlord, run.run_id)
    with runtime.uow(landlord) as uow:
        _, _, mappings = running.begin_run(uow, run_id=run.run_id, worker="w1")
    assert mappings == [vm.ValueMapping("household_status", "Lead tenant", "Head")]
