//! A tower middleware that reports the `exit` notification.
//!
//! tower-lsp 0.20 marks the service as exited on `exit` but keeps reading stdin until the
//! next message or end of input; a client that sends `exit` and waits for the process to
//! end would wait forever. [`ExitWatch`] wakes [`crate::run_stdio`] instead.

use futures::future::BoxFuture;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::ExitedError;

/// Wraps a service and notifies once `exit` has been handled.
pub(crate) struct ExitWatch<S> {
    inner: S,
    exited: Arc<Notify>,
}

impl<S> ExitWatch<S> {
    pub(crate) fn new(inner: S, exited: Arc<Notify>) -> Self {
        ExitWatch { inner, exited }
    }
}

impl<S> tower::Service<Request> for ExitWatch<S>
where
    S: tower::Service<
        Request,
        Response = Option<Response>,
        Error = ExitedError,
        Future = BoxFuture<'static, Result<Option<Response>, ExitedError>>,
    >,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = BoxFuture<'static, Result<Option<Response>, ExitedError>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let is_exit = req.method() == "exit";
        let fut = self.inner.call(req);
        let exited = self.exited.clone();
        Box::pin(async move {
            let r = fut.await;
            if is_exit {
                exited.notify_one();
            }
            r
        })
    }
}
