import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Toggle from '@cloudscape-design/components/toggle';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { formatTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useUserRefetch } from '@/lib/background-fetch';
import { screenshotQueryKey, useScreenshot } from '../api/screenshot';
import { screenshotFilename } from '../logic/diagnostics';
import { downloadBlob } from '@/lib/download';
import { NotRunningState } from './NotRunningState';

export interface DiagnosticsTabProps {
  readonly regionId: string;
  readonly instanceId: string;
  /** ECS status; only a Running instance has a screen, console output or VNC console. */
  readonly status: string;
}

/** An object URL for the blob while it is shown; the previous one is revoked so images do not pile up. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return undefined;
    const objectUrl = URL.createObjectURL(blob);
    // Deferred so the state is set outside the effect's synchronous body.
    const frame = requestAnimationFrame(() => setUrl(objectUrl));
    return () => {
      cancelAnimationFrame(frame);
      URL.revokeObjectURL(objectUrl);
    };
  }, [blob]);
  return blob ? url : undefined;
}

/** The instance's screen as ECS captures it (GetInstanceScreenshot), refreshed by hand or every 10 s. */
export function ScreenshotTab({ regionId, instanceId, status }: DiagnosticsTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [wakeUp, setWakeUp] = useState(false);
  const [autoRefresh, setAutoRefresh] = useState(false);
  const running = status === 'Running';
  const query = useScreenshot(regionId, instanceId, { wakeUp, autoRefresh, enabled: running });
  const screenshot = query.data;
  const imageUrl = useObjectUrl(screenshot?.image);
  const refresh = useUserRefetch(screenshotQueryKey(regionId, instanceId, wakeUp), query.refetch);

  if (!running) return <NotRunningState tool="screenshot" />;

  const capturedAt = screenshot ? new Date(screenshot.capturedAt) : undefined;
  const download = () => {
    if (screenshot && capturedAt) {
      downloadBlob(screenshotFilename(instanceId, screenshot.contentType, capturedAt), screenshot.image);
    }
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description={
            capturedAt &&
            !Number.isNaN(capturedAt.getTime()) &&
            t('diagnostics.screenshot.capturedAt', { time: formatTime(capturedAt, locale) })
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              <Toggle checked={autoRefresh} onChange={({ detail }) => setAutoRefresh(detail.checked)}>
                {t('diagnostics.screenshot.autoRefresh')}
              </Toggle>
              <Button iconName="refresh" loading={query.isFetching} onClick={() => void refresh()}>
                {t('diagnostics.refresh')}
              </Button>
              <Button iconName="download" disabled={!screenshot} onClick={download}>
                {t('diagnostics.download')}
              </Button>
            </SpaceBetween>
          }
        >
          {t('diagnostics.screenshot.title')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <Checkbox
          checked={wakeUp}
          onChange={({ detail }) => setWakeUp(detail.checked)}
          description={t('diagnostics.screenshot.wakeUpDescription')}
        >
          {t('diagnostics.screenshot.wakeUp')}
        </Checkbox>
        {query.isError && <ApiErrorAlert error={query.error} header={t('diagnostics.screenshot.failed')} />}
        {query.isPending && (
          <Box textAlign="center" padding="xl">
            <Spinner size="large" /> {t('diagnostics.screenshot.loading')}
          </Box>
        )}
        {imageUrl && (
          <Box textAlign="center">
            <img
              src={imageUrl}
              alt={t('diagnostics.screenshot.alt', { instanceId })}
              style={{ maxWidth: '100%', height: 'auto' }}
            />
          </Box>
        )}
      </SpaceBetween>
    </Container>
  );
}
