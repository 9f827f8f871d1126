import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { answer, gridDispatch, intake, routing } from '../api/clients';
import { consoleFetch } from './http';

export function useConfig() {
  return useQuery({ queryKey: ['config'], queryFn: async () => (await (await fetch('/api/config')).json()) as { authMode: string; tileUrl: string | null }, staleTime: Infinity });
}

export function useGrids() {
  return useQuery({ queryKey: ['grids'], queryFn: () => answer(gridDispatch.GET('/v1/grids')), staleTime: 3_600_000 });
}

/** The districts of routing's directory (retired ones too: older grievances still name them), by id. */
export function useDistricts() {
  return useQuery({
    queryKey: ['districts'],
    queryFn: async () => new Map((await answer(routing.GET('/v1/directory/org-units', { params: { query: { level: 'district' } } }))).items.map((u) => [u.id, u])),
    staleTime: 3_600_000,
  });
}

export function useCategories() {
  return useQuery({ queryKey: ['categories'], queryFn: () => answer(intake.GET('/v1/categories')), staleTime: 3_600_000 });
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

/**
 * A photo a service serves only to those allowed to see it, as an object URL for an <img>:
 * downloaded through the console's one way to the services (consoleFetch: the session, the
 * retries, the sign-in prompt on a 401), and revoked when the photo leaves the screen.
 */
export function usePhoto(path: string): { src?: string; failed: boolean } {
  const [photo, setPhoto] = useState<{ src?: string; failed: boolean }>({ failed: false });
  useEffect(() => {
    let live = true;
    let src: string | undefined;
    setPhoto({ failed: false });
    void (async () => {
      try {
        const response = await consoleFetch(new Request(new URL(path, location.href)));
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        if (!live) return;
        src = URL.createObjectURL(blob);
        setPhoto({ src, failed: false });
      } catch {
        if (live) setPhoto({ failed: true });
      }
    })();
    return () => {
      live = false;
      if (src) URL.revokeObjectURL(src);
    };
  }, [path]);
  return photo;
}
