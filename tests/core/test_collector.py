import gc

import pytest

from reader.core.collector import paused


def test_the_collector_is_off_inside_and_back_on_after():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():  # nested: the inner block does not switch it back on early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_switches_it_back_on():
    with pytest.raises(ValueError):
        with paused():
            raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_as_a_decorator():
    @paused()
    def state() -> bool:
        return gc.isenabled()

    assert state() is False and gc.isenabled()
