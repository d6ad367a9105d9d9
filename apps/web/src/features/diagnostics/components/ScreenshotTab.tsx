import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Toggle from '@cloudscape-design/components/toggle';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { formatTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useUserRefetch } from '@/lib/background-fetch';
import { screenshotQueryKey, useScreenshot } from '../api/screenshot';
import { screenshotFilename } from '../logic/diagnostics';
import { downloadBlob } from '@/lib/download';
import { NotRunningState } from './NotRunningState';
import { useHeightToViewportBottom } from './use-height-to-viewport-bottom';
import { useSecondsUntilScreenshot } from './use-seconds-until-screenshot';

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

/** Below the image: the container's padding, so its edge stays in the window too. */
const IMAGE_BOTTOM_GAP_PX = 24;
const IMAGE_MIN_HEIGHT_PX = 320;

/** The screenshot, as large as the width and the window allow: the whole screen in view without scrolling. */
function ScreenshotImage({ src, alt }: { readonly src: string; readonly alt: string }) {
  const image = useRef<HTMLImageElement>(null);
  const maxHeight = useHeightToViewportBottom(image, IMAGE_BOTTOM_GAP_PX, IMAGE_MIN_HEIGHT_PX);
  return <img ref={image} src={src} alt={alt} style={{ maxWidth: '100%', maxHeight, width: 'auto', height: 'auto' }} />;
}

/**
 * The instance's screen as ECS captures it (GetInstanceScreenshot), refreshed by hand or every 10 s.
 * ECS takes one per instance every 10 s: Refresh waits for that with a countdown instead of asking
 * for a refusal.
 */
export function ScreenshotTab({ regionId, instanceId, status }: DiagnosticsTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [wakeUp, setWakeUp] = useState(false);
  const [autoRefresh, setAutoRefresh] = useState(false);
  const running = status === 'Running';
  const waitSeconds = useSecondsUntilScreenshot(regionId, instanceId);
  const queryKey = screenshotQueryKey(regionId, instanceId, wakeUp);
  // A first screenshot (this tab, or Wake up switched) waits out the limit; one already shown refreshes on its own timer.
  const mayFetch = waitSeconds === 0 || queryClient.getQueryData(queryKey) !== undefined;
  const query = useScreenshot(regionId, instanceId, { wakeUp, autoRefresh, enabled: running && mayFetch });
  const screenshot = query.data;
  const imageUrl = useObjectUrl(screenshot?.image);
  const refresh = useUserRefetch(queryKey, query.refetch);
  const waitText = waitSeconds > 0 ? t('diagnostics.screenshot.refreshIn', { count: waitSeconds }) : undefined;

  if (!running) return <NotRunningState tool="screenshot" />;

  const capturedAt = screenshot ? new Date(screenshot.capturedAt) : undefined;
  const capturedTime = capturedAt && !Number.isNaN(capturedAt.getTime()) ? formatTime(capturedAt, locale) : undefined;
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
            // The description is a paragraph: inline parts only.
            <>
              {capturedTime && <span>{t('diagnostics.screenshot.capturedAt', { time: capturedTime })}</span>}
              {capturedTime && waitText && ' · '}
              {waitText && <span>{waitText}</span>}
            </>
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              <Toggle checked={autoRefresh} onChange={({ detail }) => setAutoRefresh(detail.checked)}>
                {t('diagnostics.screenshot.autoRefresh')}
              </Toggle>
              <Button
                iconName="refresh"
                loading={query.isFetching}
                disabled={waitSeconds > 0}
                disabledReason={waitText}
                onClick={() => void refresh()}
              >
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
            {query.isFetching || !waitText ? (
              <>
                <Spinner size="large" /> {t('diagnostics.screenshot.loading')}
              </>
            ) : (
              t('diagnostics.screenshot.waiting', { count: waitSeconds })
            )}
          </Box>
        )}
        {imageUrl && (
          <Box textAlign="center">
            <ScreenshotImage src={imageUrl} alt={t('diagnostics.screenshot.alt', { instanceId })} />
          </Box>
        )}
      </SpaceBetween>
    </Container>
  );
}
