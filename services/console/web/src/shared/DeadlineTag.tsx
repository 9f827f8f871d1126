import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deadlineState, DeadlineLike, TONE_COLOUR } from './deadlines';
import { formatDuration } from './format';

/** Time left on a deadline, ticking each second, green / orange when near / red when past. */
export function DeadlineTag({ deadline, target }: { deadline: DeadlineLike; target?: string }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const { tone, remainingMs } = deadlineState(deadline, now);
  const prefix = target ? `${t(`deadline.target.${target}`)} · ` : '';
  const text =
    remainingMs === null ? t('deadline.paused') : remainingMs > 0 ? t('deadline.left', { time: formatDuration(remainingMs, i18n.language) }) : t('deadline.overdue', { time: formatDuration(remainingMs, i18n.language) });
  return <Tag color={TONE_COLOUR[tone]} data-tone={tone}>{prefix + text}</Tag>;
}
