// What the map highlights: the chosen territory's boundary, the point the user clicked, the
// circle of "autour de", and the place of the list item under the pointer or the focus.

import { L } from './map.js';

const BOUNDARY_STYLE = { className: 'atlas-selection', color: '#c62828', weight: 3, fillColor: '#c62828', fillOpacity: 0.08 };
const POINT_STYLE = { className: 'atlas-point', radius: 7, color: '#ffffff', weight: 2, fillColor: '#c62828', fillOpacity: 1 };
const NEAR_STYLE = { className: 'atlas-near', color: '#0b5cad', weight: 2, dashArray: '6 4', fillColor: '#0b5cad', fillOpacity: 0.06 };
const HOVER_STYLE = { className: 'atlas-hover', radius: 16, color: '#ffbf47', weight: 4, fill: false };
// Under the yellow ring, a wider dark one: the yellow alone is 1.5:1 on the light map (WCAG 1.4.11).
const HOVER_EDGE_STYLE = { className: 'atlas-hover-edge', radius: 16, color: '#1a1a1a', weight: 7, fill: false };

export function createHighlight(map) {
  let boundary = null;
  let point = null;
  let near = null;
  let hover = null;

  // Not interactive: a click inside still reaches the map (what is under the point?).
  return {
    /** Draws a territory Feature (replacing the previous one); a null geometry draws nothing. */
    boundary(feature) {
      boundary?.remove();
      boundary = feature?.geometry ? L.geoJSON(feature, { interactive: false, style: BOUNDARY_STYLE }).addTo(map) : null;
    },

    /** Marks a point ({lat, lon}), or removes the mark for null. */
    point(latLon) {
      point?.remove();
      point = latLon ? L.circleMarker([latLon.lat, latLon.lon], { ...POINT_STYLE, interactive: false }).addTo(map) : null;
    },

    /** Draws the circle of "autour de" ({lat, lon, radius} in metres), or removes it. */
    near(circle) {
      near?.remove();
      near = circle ? L.circle([circle.lat, circle.lon], { ...NEAR_STYLE, radius: circle.radius, interactive: false }).addTo(map) : null;
    },

    /** The bounds of the circle drawn by near(). */
    nearBounds() {
      return near?.getBounds();
    },

    /** Rings a place ({lat, lon}) while a list item is hovered or focused; null removes the ring. */
    hover(latLon) {
      hover?.remove();
      hover = latLon ? L.layerGroup([HOVER_EDGE_STYLE, HOVER_STYLE].map((style) => L.circleMarker([latLon.lat, latLon.lon],
        { ...style, interactive: false }))).addTo(map) : null;
    },
  };
}
