/**
 * How many times tile components have rendered since the page loaded. The board render benchmark
 * (test/bench/board) reads it to show that one status event redraws one tile; an integer
 * increment per render costs nothing on the live board.
 */
export const renderCount = { tiles: 0 };
