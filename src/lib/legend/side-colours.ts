/** The two sides' colours, shared by who holds a place and whose a front is: one blue, one red on every layer. */
export const SIDE_BLUE = '#2f6fd0';
export const SIDE_RED = '#c8372d';
