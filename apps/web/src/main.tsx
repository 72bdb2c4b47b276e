import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

// /board and below is the duty officers' board (its own chunk: socket.io, virtual lists, charts);
// /admin and below is the admins' page (users, audit log), its own chunk too; / and /status keep the shell page.
const BoardApp = lazy(() => import('./board/components/BoardApp').then((m) => ({ default: m.BoardApp })));
const AdminApp = lazy(() => import('./admin/AdminApp').then((m) => ({ default: m.AdminApp })));
const isBoard = /^\/board(\/|$)/.test(window.location.pathname);
const isAdmin = /^\/admin(\/|$)/.test(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {isBoard ? (
      <Suspense fallback={null}>
        <BoardApp />
      </Suspense>
    ) : isAdmin ? (
      <Suspense fallback={null}>
        <AdminApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
