"""Small-number suppression: nothing hidden can be worked out from a published table and its
totals. The check here is linear algebra (a hidden cell is recoverable exactly when its unit
vector lies in the row space of the table's equations over the hidden cells), a different
method from the graph the module uses, run on tables hypothesis makes up."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutiny.custody_deaths.suppression import PRIMARY, SHOWN, THRESHOLD, one_way, two_way

counts = st.integers(min_value=0, max_value=40) | st.integers(min_value=0, max_value=6)


def recoverable(equations: list[dict], hidden: list) -> list:
    """The hidden cells whose values the equations (each {cell: coefficient}, summing to zero)
    fix, given every other cell's value."""
    if not hidden:
        return []
    matrix = np.array([[eq.get(cell, 0) for cell in hidden] for eq in equations], dtype=float)
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for k, cell in enumerate(hidden):
        unit = np.zeros(len(hidden))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(cell)
    return found


def two_way_equations(rows: int, columns: int) -> list[dict]:
    """Each row sums to its total, each column to its total, the totals to the grand total.
    Cells are ("cell", i, j), ("row", i), ("column", j) and ("total",)."""
    equations = []
    for i in range(rows):
        equations.append({**{("cell", i, j): 1 for j in range(columns)}, ("row", i): -1})
    for j in range(columns):
        equations.append({**{("cell", i, j): 1 for i in range(rows)}, ("column", j): -1})
    equations.append({**{("row", i): 1 for i in range(rows)}, ("total",): -1})
    equations.append({**{("column", j): 1 for j in range(columns)}, ("total",): -1})
    return equations


@settings(max_examples=300, deadline=None)
@given(st.lists(counts, min_size=1, max_size=12))
def test_no_hidden_count_of_a_one_way_table_follows_from_its_total(values):
    table = one_way(values)
    hidden = [("cell", i) for i, s in enumerate(table.states) if s != SHOWN] + ([("total",)] if table.total_state != SHOWN else [])
    equation = {**{("cell", i): 1 for i in range(len(values))}, ("total",): -1}
    assert recoverable([equation], hidden) == []
    # and every small count is hidden, none of the others as "fewer than 5"
    for value, state in zip(values, table.states):
        assert (state == PRIMARY) == (0 < value < THRESHOLD)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6).flatmap(lambda columns: st.lists(st.lists(counts, min_size=columns, max_size=columns), min_size=1, max_size=7)))
def test_no_hidden_count_of_a_two_way_table_follows_from_its_row_and_column_totals(cells):
    table = two_way(cells)
    rows, columns = len(cells), len(cells[0])
    hidden = [("cell", i, j) for i in range(rows) for j in range(columns) if table.states[i][j] != SHOWN]
    hidden += [("row", i) for i in range(rows) if table.row_states[i] != SHOWN]
    hidden += [("column", j) for j in range(columns) if table.column_states[j] != SHOWN]
    hidden += [("total",)] if table.total_state != SHOWN else []
    assert recoverable(two_way_equations(rows, columns), hidden) == []
    for i in range(rows):
        for j in range(columns):
            if 0 < cells[i][j] < THRESHOLD:
                assert table.states[i][j] == PRIMARY


def test_a_lone_small_count_takes_the_smallest_other_count_with_it():
    table = one_way([120, 3, 40, 9, 0])
    assert table.states == [SHOWN, PRIMARY, SHOWN, "secondary", SHOWN]
    assert table.total_state == SHOWN


def test_the_known_trap_a_row_with_one_hidden_cell_is_not_left_alone():
    # 2 in the first row: its row total would give it away unless another cell of the row,
    # and then of that cell's column, is hidden too.
    table = two_way([[2, 30, 41], [17, 25, 33], [12, 19, 28]])
    assert table.states[0][0] == PRIMARY
    for line in [table.states[0], [row[0] for row in table.states]]:
        assert sum(s != SHOWN for s in line) >= 2
    assert table.total_state == SHOWN and all(s == SHOWN for s in table.row_states + table.column_states)
