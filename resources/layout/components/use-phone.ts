import { useEffect, useState } from 'react';

/** Below AdminJS's first breakpoint (577 px) its table hides every column but the title. */
const PHONE = '(max-width: 576px)';

/** True on a phone-sized screen, following rotation and window resizes. */
export function usePhone(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia(PHONE).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const change = () => setPhone(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return phone;
}
