// The trip map's browser side: react-leaflet's components, re-exported so the Leaflet
// code and its stylesheet load as one chunk, plus the few helpers that need Leaflet itself.
// Only ever imported dynamically (wheels_wins/components/map.py wraps each export as a
// NoSSRComponent): Leaflet reads `window` as soon as it is imported.
//
// Data (stop and place names) never reaches innerHTML: the marker icons hold only a
// number or a fixed glyph, names go into DOM properties (`title`) and React text nodes.
import { useEffect, useMemo, useRef } from "react";
import { divIcon, latLngBounds } from "leaflet";
import { Marker, useMap, useMapEvents } from "react-leaflet";
import "leaflet/dist/leaflet.css";
import "./trip_map.css";

export { MapContainer, Polyline, Popup, TileLayer } from "react-leaflet";

const SVG_OPEN =
  '<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" ' +
  'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">';

// Glyphs from Lucide (ISC licence): tent, trees, toilet, fuel, wrench, map-pin.
const PLACE_GLYPHS = {
  campground: '<path d="M3.5 21 14 3"/><path d="M20.5 21 10 3"/><path d="M15.5 21 12 15l-3.5 6"/><path d="M2 21h20"/>',
  free_camp:
    '<path d="M10 10v.2A3 3 0 0 1 8.9 16H5a3 3 0 0 1-1-5.8V10a3 3 0 0 1 6 0Z"/><path d="M7 16v6"/><path d="M13 19v3"/>' +
    '<path d="M12 19h8.3a1 1 0 0 0 .7-1.7L18 14h.3a1 1 0 0 0 .7-1.7L16 9h.2a1 1 0 0 0 .8-1.7L13 3l-1.4 1.5"/>',
  dump_point:
    '<path d="M7 12h13a1 1 0 0 1 1 1 5 5 0 0 1-5 5h-.598a.5.5 0 0 0-.424.765l1.544 2.47a.5.5 0 0 1-.424.765H5.402a.5.5 0 0 1-.424-.765L7 18"/>' +
    '<path d="M8 18a5 5 0 0 1-5-5V4a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v8"/>',
  fuel:
    '<path d="M14 13h2a2 2 0 0 1 2 2v2a2 2 0 0 0 4 0v-6.998a2 2 0 0 0-.59-1.42L18 5"/>' +
    '<path d="M14 21V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v16"/><path d="M2 21h13"/><path d="M3 9h11"/>',
  mechanic:
    '<path d="M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.106-3.105c.32-.322.863-.22.983.218a6 6 0 0 1-8.259 ' +
    '7.057l-7.91 7.91a1 1 0 0 1-2.999-3l7.91-7.91a6 6 0 0 1 7.057-8.259c.438.12.54.662.219.984z"/>',
  other:
    '<path d="M20 10c0 4.993-5.539 10.193-7.399 11.799a1 1 0 0 1-1.202 0C9.539 20.193 4 14.993 4 10a8 8 0 0 1 16 0"/>' +
    '<circle cx="12" cy="10" r="3"/>',
};

function isPoint(point) {
  return (
    Array.isArray(point) &&
    Number.isFinite(point[0]) &&
    Number.isFinite(point[1]) &&
    Math.abs(point[0]) <= 90 &&
    Math.abs(point[1]) <= 180
  );
}

function usePosition(lat, lon) {
  return useMemo(() => [Number(lat), Number(lon)], [lat, lon]);
}

/** A trip stop: a teal circle holding its number; `title` names it for hover and screen readers. */
export function StopMarker({ lat, lon, number, title, children }) {
  const position = usePosition(lat, lon);
  const label = Number.isFinite(Number(number)) ? String(Math.trunc(Number(number))) : "";
  const icon = useMemo(
    () =>
      divIcon({
        className: "ww-stop-marker",
        html: `<span aria-hidden="true">${label}</span>`,
        iconSize: [30, 30],
        iconAnchor: [15, 15],
        popupAnchor: [0, -15],
      }),
    [label],
  );
  const name = title ? `Stop ${label}: ${title}` : `Stop ${label}`;
  return (
    <Marker position={position} icon={icon} title={name} zIndexOffset={1000}>
      {children}
    </Marker>
  );
}

/** A saved place: a rounded square coloured and drawn by its kind (unknown kinds look like "other"). */
export function PlaceMarker({ lat, lon, kind, title, children }) {
  const position = usePosition(lat, lon);
  const known = Object.hasOwn(PLACE_GLYPHS, kind) ? kind : "other";
  const icon = useMemo(
    () =>
      divIcon({
        className: `ww-place-marker ww-place-marker--${known}`,
        html: SVG_OPEN + PLACE_GLYPHS[known] + "</svg>",
        iconSize: [26, 26],
        iconAnchor: [13, 13],
        popupAnchor: [0, -13],
      }),
    [known],
  );
  return (
    <Marker position={position} icon={icon} title={title || ""}>
      {children}
    </Marker>
  );
}

function fitView(map, { key, fallback, maxZoom, padding }) {
  const points = JSON.parse(key);
  const options = { padding: [padding, padding], maxZoom, animate: false };
  if (points.length === 1) {
    map.setView(points[0], maxZoom, { animate: false });
  } else if (points.length > 1) {
    map.fitBounds(latLngBounds(points), options);
  } else if (fallback) {
    map.fitBounds(latLngBounds(fallback), options);
  }
}

/**
 * Fits the view to `points` ([lat, lon] pairs) whenever they change, and to `fallback`
 * (a [[south, west], [north, east]] box) when there are none. The container's size is
 * watched too: Leaflet needs telling when it changes, and the fit depends on it.
 */
export function FitBounds({ points, fallback, maxZoom = 12, padding = 32 }) {
  const map = useMap();
  const key = JSON.stringify((points ?? []).filter(isPoint));
  const latest = useRef(null);
  latest.current = { key, fallback, maxZoom, padding };

  useEffect(() => {
    fitView(map, latest.current);
  }, [map, key]);

  useEffect(() => {
    const container = map.getContainer();
    let size = `${container.clientWidth}x${container.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const next = `${container.clientWidth}x${container.clientHeight}`;
      if (next !== size) {
        size = next;
        map.invalidateSize({ pan: false });
        fitView(map, latest.current);
      }
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [map]);

  return null;
}

/**
 * Calls `onMapClick(lat, lon)` for a click on the map itself (not on a marker or control).
 * A click that only closes an open popup is not passed on.
 */
export function MapClick({ onMapClick }) {
  const handler = useRef(onMapClick);
  handler.current = onMapClick;
  const popupOpen = useRef(false);
  const closingPopup = useRef(false);
  const handlers = useMemo(
    () => ({
      popupopen() {
        popupOpen.current = true;
      },
      popupclose() {
        popupOpen.current = false;
      },
      preclick() {
        closingPopup.current = popupOpen.current;
      },
      click(event) {
        if (closingPopup.current) {
          closingPopup.current = false;
          return;
        }
        const { lat, lng } = event.latlng.wrap();
        handler.current?.(lat, lng);
      },
    }),
    [],
  );
  useMapEvents(handlers);
  return null;
}
