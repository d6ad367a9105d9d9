import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useConsoleOutput } from '../api/console-output';
import { parseAnsi, PLAIN_STYLE, stripAnsi, type AnsiSegment } from '../logic/ansi';
import { consoleLogFilename } from '../logic/diagnostics';
import { findMatches } from '../logic/text-search';
import { ConsoleOutputViewer } from './ConsoleOutputViewer';
import { downloadBlob } from '@/lib/download';
import { NotRunningState } from './NotRunningState';
import type { DiagnosticsTabProps } from './ScreenshotTab';

interface ConsoleOutputTabProps extends DiagnosticsTabProps {
  /** `linux` or `windows`: Windows instances have no serial console output. */
  readonly osType: string;
}

/** The serial console's recent output (GetInstanceConsoleOutput), searchable, with colours or plain. */
export function ConsoleOutputTab({ regionId, instanceId, status, osType }: ConsoleOutputTabProps) {
  const windows = osType === 'windows';
  const running = status === 'Running';
  const query = useConsoleOutput(regionId, instanceId, running && !windows);

  if (windows) return <WindowsState />;
  if (!running) return <NotRunningState tool="consoleOutput" />;
  return <ConsoleOutputPanel instanceId={instanceId} query={query} />;
}

function WindowsState() {
  const { t } = useTranslation();
  return (
    <Alert type="info" header={t('diagnostics.windowsNoOutput.title')}>
      {t('diagnostics.windowsNoOutput.body')}
    </Alert>
  );
}

function ConsoleOutputPanel({
  instanceId,
  query,
}: {
  readonly instanceId: string;
  readonly query: ReturnType<typeof useConsoleOutput>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [renderAnsi, setRenderAnsi] = useState(true);
  const [wrap, setWrap] = useState(true);
  const [followTail, setFollowTail] = useState(true);
  const [search, setSearch] = useState('');
  const [current, setCurrent] = useState(0);

  const raw = query.data?.text ?? '';
  const ansiSegments = useMemo(() => parseAnsi(raw), [raw]);
  // The same text either way, so match offsets hold in both modes.
  const plainText = useMemo(() => ansiSegments.map((segment) => segment.text).join(''), [ansiSegments]);
  const segments = useMemo<readonly AnsiSegment[]>(
    () => (renderAnsi ? ansiSegments : [{ text: plainText, style: PLAIN_STYLE }]),
    [renderAnsi, ansiSegments, plainText],
  );
  const matches = useMemo(() => findMatches(plainText, search), [plainText, search]);
  const currentMatch = matches.length === 0 ? null : Math.min(current, matches.length - 1);

  const step = (delta: number) => {
    if (matches.length === 0) return;
    setCurrent(((currentMatch ?? 0) + delta + matches.length) % matches.length);
  };

  // The file is plain text: escape sequences only make a log hard to read outside a terminal.
  const download = () =>
    downloadBlob(consoleLogFilename(instanceId), new Blob([stripAnsi(raw)], { type: 'text/plain;charset=utf-8' }));

  return (
    <Container
      header={
        <Header
          variant="h2"
          description={
            query.data?.lastUpdateTime &&
            t('diagnostics.consoleOutput.lastUpdate', { time: formatDateTime(query.data.lastUpdateTime, locale) })
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" loading={query.isFetching} onClick={() => void query.refetch()}>
                {t('diagnostics.refresh')}
              </Button>
              <Button iconName="download" disabled={!query.data} onClick={download}>
                {t('diagnostics.download')}
              </Button>
            </SpaceBetween>
          }
        >
          {t('diagnostics.consoleOutput.title')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        <SpaceBetween direction="horizontal" size="l" alignItems="center">
          <Toggle
            checked={renderAnsi}
            onChange={({ detail }) => setRenderAnsi(detail.checked)}
            description={t('diagnostics.consoleOutput.renderAnsiDescription')}
          >
            {t('diagnostics.consoleOutput.renderAnsi')}
          </Toggle>
          <Toggle checked={wrap} onChange={({ detail }) => setWrap(detail.checked)}>
            {t('diagnostics.consoleOutput.wrap')}
          </Toggle>
          <Toggle checked={followTail} onChange={({ detail }) => setFollowTail(detail.checked)}>
            {t('diagnostics.consoleOutput.followTail')}
          </Toggle>
        </SpaceBetween>
        <SpaceBetween direction="horizontal" size="xs" alignItems="center">
          <Input
            type="search"
            value={search}
            ariaLabel={t('diagnostics.consoleOutput.searchLabel')}
            placeholder={t('diagnostics.consoleOutput.searchPlaceholder')}
            onChange={({ detail }) => {
              setSearch(detail.value);
              setCurrent(0);
            }}
            onKeyDown={({ detail }) => {
              if (detail.key === 'Enter') step(detail.shiftKey ? -1 : 1);
            }}
          />
          <Button
            iconName="angle-up"
            variant="icon"
            ariaLabel={t('diagnostics.consoleOutput.previousMatch')}
            disabled={matches.length === 0}
            onClick={() => step(-1)}
          />
          <Button
            iconName="angle-down"
            variant="icon"
            ariaLabel={t('diagnostics.consoleOutput.nextMatch')}
            disabled={matches.length === 0}
            onClick={() => step(1)}
          />
          {search !== '' && (
            <Box variant="small" color="text-body-secondary">
              <span role="status">
                {matches.length === 0
                  ? t('diagnostics.consoleOutput.matchCount_zero')
                  : t('diagnostics.consoleOutput.matchCount', {
                      count: matches.length,
                      current: (currentMatch ?? 0) + 1,
                    })}
              </span>
            </Box>
          )}
        </SpaceBetween>
        {query.isError && <ApiErrorAlert error={query.error} header={t('diagnostics.consoleOutput.failed')} />}
        {query.isPending && (
          <Box textAlign="center" padding="xl">
            <Spinner size="large" /> {t('diagnostics.consoleOutput.loading')}
          </Box>
        )}
        {query.data && plainText === '' && (
          <Box variant="p" color="text-body-secondary">
            {t('diagnostics.consoleOutput.empty')}
          </Box>
        )}
        {query.data && plainText !== '' && (
          <ConsoleOutputViewer
            segments={segments}
            matches={matches}
            currentMatch={currentMatch}
            wrap={wrap}
            followTail={followTail && search === ''}
            version={query.dataUpdatedAt}
            label={t('diagnostics.consoleOutput.viewerLabel', { instanceId })}
          />
        )}
      </SpaceBetween>
    </Container>
  );
}
