import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../shared/format';
import { type HistoryEntry, timelineOf } from '../shared/timeline';

/** A grievance's history as its reporter reads it: plain-word steps from the catalogue with intake's line under each, oldest first, red where it went wrong. */
export function HistoryTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const steps = timelineOf(history, (key) => i18n.exists(key));
  return (
    <Timeline
      items={steps.map((s) => ({
        color: s.tone === 'bad' ? 'red' : s.tone === 'done' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong={!!s.key}>{s.key ? t(s.key) : s.detail}</Typography.Text>
            <br />
            {s.key && s.detail && (
              <>
                <Typography.Text>{s.detail}</Typography.Text>
                <br />
              </>
            )}
            <Typography.Text type="secondary">{formatTime(s.at, i18n.language)}</Typography.Text>
          </>
        ),
      }))}
    />
  );
}
