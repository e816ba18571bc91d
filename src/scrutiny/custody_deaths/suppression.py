"""Small-number suppression for published tables, primary and secondary. Pure Python, no Django.

Primary: a count from 1 to THRESHOLD - 1 is not shown ("fewer than 5"). Zero is shown: it names
nobody.

Secondary: a table is published with its totals, and a hidden count must not be recoverable
from them. In a one-way table (cells and their total) that means no line with exactly one hidden
number. In a two-way table with row totals, column totals and a grand total it is subtler, and
exact: write the table with its totals as a (rows + 1) × (columns + 1) grid, every row and column
of which sums to zero once the totals are negated. Each grid cell is an edge between its row and
its column in a bipartite graph; the hidden cells form a subgraph. The published numbers fix a
hidden one exactly when its edge is a bridge of that subgraph (the solutions of the equations
differ by signed cycles, and a bridge lies on none). So hiding is safe when the hidden cells
have no bridge, and the algorithm closes each bridge into a cycle by also hiding the cheapest
path of published cells between its ends: the smallest counts, zeros only when nothing else
will do, totals last of all (they are shown in other tables, so hiding one here would not hide
it). tests/custody_deaths/test_suppression.py checks the result by linear algebra, a different
method, on tables hypothesis makes up.

What this does not do: bound a hidden count by reasoning about ranges (a hidden primary is
known to be 1-4); the guarantee is that no hidden count is a function of the published ones.
"""

import heapq
from dataclasses import dataclass

THRESHOLD = 5
SHOWN, PRIMARY, SECONDARY = "shown", "primary", "secondary"


def is_small(value: int) -> bool:
    return 0 < value < THRESHOLD


@dataclass
class OneWay:
    values: list[int]
    total: int
    states: list[str]
    total_state: str


@dataclass
class TwoWay:
    cells: list[list[int]]
    row_totals: list[int]
    column_totals: list[int]
    total: int
    states: list[list[str]]
    row_states: list[str]
    column_states: list[str]
    total_state: str


def _cost(value: int, is_total: bool) -> float:
    # Hide the smallest count that will do; a zero tells a reader little when hidden and it is
    # the weakest cover, so only when no count is left; a total only when nothing else is.
    base = value if value > 0 else 10**6
    return base + (10**9 if is_total else 0)


def one_way(values: list[int]) -> OneWay:
    """A list of counts and their total."""
    total = sum(values)
    states = [PRIMARY if is_small(v) else SHOWN for v in values]
    total_state = PRIMARY if is_small(total) else SHOWN
    hidden = states.count(PRIMARY) + (total_state != SHOWN)
    if hidden == 1:
        candidates = [i for i, s in enumerate(states) if s == SHOWN]
        if candidates:
            pick = min(candidates, key=lambda i: (_cost(values[i], False), i))
            states[pick] = SECONDARY
        else:  # pragma: no cover - a total above the threshold has a shown cell
            total_state = SECONDARY
    return OneWay(list(values), total, states, total_state)


def two_way(cells: list[list[int]]) -> TwoWay:
    """A table of counts with row totals, column totals and the grand total."""
    rows = len(cells)
    columns = len(cells[0]) if rows else 0
    row_totals = [sum(row) for row in cells]
    column_totals = [sum(cells[i][j] for i in range(rows)) for j in range(columns)]
    total = sum(row_totals)
    # The grid with totals: row `rows` holds the column totals, column `columns` the row totals.
    grid = [[*cells[i], row_totals[i]] for i in range(rows)] + [[*column_totals, total]]
    state = [[PRIMARY if is_small(v) else SHOWN for v in row] for row in grid]
    if rows and columns:
        _close_bridges(grid, state, rows, columns)
    return TwoWay(
        [list(r) for r in cells], row_totals, column_totals, total,
        [row[:columns] for row in state[:rows]], [row[columns] for row in state[:rows]],
        state[rows][:columns], state[rows][columns],
    )


def _edges(state) -> set[tuple[int, int]]:
    return {(i, j) for i, row in enumerate(state) for j, s in enumerate(row) if s != SHOWN}


def _connected(hidden: set, start: tuple, goal: tuple, without: tuple) -> bool:
    """Is there a path of hidden cells from row/column node `start` to `goal`, not using `without`?
    Nodes are ("r", i) and ("c", j); a hidden cell (i, j) joins them."""
    adjacent: dict[tuple, list[tuple]] = {}
    for i, j in hidden:
        if (i, j) != without:
            adjacent.setdefault(("r", i), []).append(("c", j))
            adjacent.setdefault(("c", j), []).append(("r", i))
    seen, stack = {start}, [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for other in adjacent.get(node, []):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return False


def bridges(state) -> list[tuple[int, int]]:
    """Hidden cells whose value the published numbers fix (bridges of the hidden subgraph)."""
    hidden = _edges(state)
    return sorted(e for e in hidden if not _connected(hidden, ("r", e[0]), ("c", e[1]), e))


def _close_bridges(grid, state, rows: int, columns: int) -> None:
    while found := bridges(state):
        i, j = found[0]
        path = _cheapest_path(grid, state, ("r", i), ("c", j), (i, j), rows, columns)
        for a, b in path:
            if state[a][b] == SHOWN:
                state[a][b] = SECONDARY


def _cheapest_path(grid, state, start, goal, without, rows: int, columns: int) -> list[tuple[int, int]]:
    """Dijkstra over the complete bipartite grid: hidden cells cost nothing, published ones
    their _cost. The cells of the path, hidden with the bridge, make a cycle through it."""
    best = {start: 0.0}
    back: dict[tuple, tuple] = {}
    queue = [(0.0, start)]
    while queue:
        cost, node = heapq.heappop(queue)
        if node == goal:
            break
        if cost > best.get(node, float("inf")):
            continue
        kind, index = node
        neighbours = [("c", j) for j in range(columns + 1)] if kind == "r" else [("r", i) for i in range(rows + 1)]
        for other in neighbours:
            cell = (index, other[1]) if kind == "r" else (other[1], index)
            if cell == without:
                continue
            a, b = cell
            step = 0.0 if state[a][b] != SHOWN else _cost(grid[a][b], a == rows or b == columns)
            if cost + step < best.get(other, float("inf")):
                best[other] = cost + step
                back[other] = (node, cell)
                heapq.heappush(queue, (cost + step, other))
    path, node = [], goal
    while node != start:
        node, cell = back[node]
        path.append(cell)
    return path
