// What the map highlights: the chosen territory's boundary and the point the user clicked.

import { L } from './map.js';

const BOUNDARY_STYLE = { className: 'atlas-selection', color: '#c62828', weight: 3, fillColor: '#c62828', fillOpacity: 0.08 };
const POINT_STYLE = { className: 'atlas-point', radius: 7, color: '#ffffff', weight: 2, fillColor: '#c62828', fillOpacity: 1 };

export function createHighlight(map) {
  let boundary = null;
  let point = null;

  return {
    /** Draws a territory Feature (replacing the previous one); a null geometry draws nothing. */
    boundary(feature) {
      boundary?.remove();
      // Not interactive: a click inside the territory still asks what is under the point.
      boundary = feature?.geometry ? L.geoJSON(feature, { interactive: false, style: BOUNDARY_STYLE }).addTo(map) : null;
    },

    /** Marks a point ({lat, lon}), or removes the mark for null. */
    point(latLon) {
      point?.remove();
      point = latLon ? L.circleMarker([latLon.lat, latLon.lon], { ...POINT_STYLE, interactive: false }).addTo(map) : null;
    },
  };
}
