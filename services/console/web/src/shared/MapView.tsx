import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { Grid } from '../api/views';

export interface MapViewProps {
  /** Grid polygons drawn from their GeoJSON: the map works without any tile server. */
  grids: Pick<Grid, 'id' | 'name' | 'polygon'>[];
  marker?: { lat: number; lng: number } | null;
  /** A second point (the grid worker's own position). */
  me?: { lat: number; lng: number } | null;
  onPick?: (point: { lat: number; lng: number }) => void;
  tileUrl?: string | null;
  label: string;
  height?: number;
}

const dot = (colour: string) => ({ radius: 8, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1 });

export default function MapView({ grids, marker, me, onPick, tileUrl, label, height = 240 }: MapViewProps) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { attributionControl: false, zoomSnap: 0.25 });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(m);
    m.on('click', (event: L.LeafletMouseEvent) => pick.current?.({ lat: Number(event.latlng.lat.toFixed(6)), lng: Number(event.latlng.lng.toFixed(6)) }));
    layers.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    if (!m || !group) return;
    group.clearLayers();
    const shapes = grids.map((g) =>
      L.geoJSON(g.polygon, { style: { color: '#1677ff', weight: 1, fillOpacity: 0.08 }, interactive: false }).bindTooltip(g.name).addTo(group),
    );
    if (marker) L.circleMarker([marker.lat, marker.lng], dot('#c0392b')).addTo(group);
    if (me) L.circleMarker([me.lat, me.lng], dot('#1677ff')).addTo(group);
    const bounds = L.latLngBounds([]);
    shapes.forEach((s) => bounds.extend(s.getBounds()));
    if (marker) m.setView([marker.lat, marker.lng], Math.max(m.getZoom() || 0, 14));
    else if (bounds.isValid() && !m.getZoom()) m.fitBounds(bounds);
    else if (!m.getZoom()) m.setView([28.68, 115.86], 12);
  }, [grids, marker, me]);

  return <div ref={element} role="application" aria-label={label} style={{ height, width: '100%', background: '#f3f5f7', borderRadius: 8 }} />;
}
