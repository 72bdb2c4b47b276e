import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

// /board and below is the duty officers' board (its own chunk: socket.io, virtual lists, charts);
// /, /status and /admin keep the shell page.
const BoardApp = lazy(() => import('./board/components/BoardApp').then((m) => ({ default: m.BoardApp })));
const isBoard = /^\/board(\/|$)/.test(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {isBoard ? (
      <Suspense fallback={null}>
        <BoardApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
