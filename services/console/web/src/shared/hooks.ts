import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { answer, gridDispatch, intake } from '../api/clients';
import type { Category, Grid } from '../api/views';

export function useConfig() {
  return useQuery({ queryKey: ['config'], queryFn: async () => (await (await fetch('/api/config')).json()) as { authMode: string; tileUrl: string | null }, staleTime: Infinity });
}

export function useGrids() {
  return useQuery({ queryKey: ['grids'], queryFn: () => answer<Grid[]>(gridDispatch.GET('/v1/grids')), staleTime: 3_600_000 });
}

export function useCategories() {
  return useQuery({ queryKey: ['categories'], queryFn: () => answer<Category[]>(intake.GET('/v1/categories')), staleTime: 3_600_000 });
}

/** The device's position on request (the browser asks the person first). */
export function usePosition() {
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const locate = () =>
    new Promise<{ lat: number; lng: number } | null>((resolve) => {
      if (!navigator.geolocation) return resolve(null);
      setLocating(true);
      setFailed(null);
      navigator.geolocation.getCurrentPosition(
        (p) => {
          const point = { lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) };
          setPosition(point);
          setLocating(false);
          resolve(point);
        },
        (error) => {
          setFailed(error.message);
          setLocating(false);
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: 15_000 },
      );
    });
  return { position, setPosition, locating, failed, locate };
}
