// Leaflet touches `window` on import, and every page is a live client of the board server:
// nothing is rendered on the server.
export const ssr = false;
export const prerender = false;
