//! `styrdok serve`: the same work as the command line, on a local web page, for coordinators who never
//! open a terminal. The `--watch` loop runs inside the server (`live`), so the page follows every save
//! in Excel; the views (`views`) show the projects, every problem with its cell and the documents
//! (`files` serves them). The server answers only this machine, and only the page it opened
//! (`guard`).
//!
//! Beside `commands` in the layers: it calls the pipeline and says its outcomes its own way.

mod compare;
mod files;
mod forms;
mod guard;
mod live;
mod pages;
mod views;

use crate::commands::args::{InputArgs, OutputArgs};
use crate::documents::Options;
use crate::pipeline::BuildRequest;
use crate::pipeline::watch::{Control, WatchError};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::handler::Handler;
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use live::Shared;
use std::convert::Infallible;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};
use views::View;

/// `styrdok serve`'s arguments.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Porten sidan nås på (standard: en ledig port).
    #[arg(long, value_name = "N", help_heading = "Flaggor")]
    pub port: Option<u16>,
    /// Öppna inte webbläsaren; adressen skrivs i fönstret.
    #[arg(long, help_heading = "Flaggor")]
    pub no_open: bool,
    /// Skriv också en kort återrapport per ansvarig organisation i MAPP/mottagare/.
    #[arg(long, help_heading = "Flaggor")]
    pub per_mottagare: bool,
    /// Started by a double-click (`cli::double_clicked`): the window is styrdok's own, and closing it
    /// ends the page.
    #[arg(skip)]
    pub double_clicked: bool,
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("webbservern kunde inte starta: {0}")]
    Runtime(std::io::Error),
    #[error("kunde inte lyssna på {address}: {source}")]
    Bind {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error("operativsystemet gav inga slumptal till sidans nyckel: {0}")]
    Random(getrandom::Error),
    #[error(transparent)]
    Watch(#[from] WatchError),
}

/// How long the server waits for open requests (a download) when it ends.
const GRACE: Duration = Duration::from_secs(3);

/// Runs the page until `stop` (Ctrl-C, or the page's Avsluta): binds to loopback, opens the browser
/// unless asked not to, and builds now and after every save.
pub fn serve(args: &ServeArgs, stop: &Control) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("styrdok-webb")
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    let token = guard::token().map_err(ServeError::Random)?;
    let (listeners, port) = runtime.block_on(bind(args.port))?;
    let options = Options {
        per_recipient: args.per_mottagare,
        all_initiatives: false,
    };
    let previews = pages::Previews::new(
        args.input.input.clone(),
        args.output.output.clone(),
        options,
    );
    let shared = Arc::new(Shared::new(
        token,
        port,
        stop.clone(),
        previews,
        args.input.input.clone(),
        args.output.output.clone(),
    ));
    let app = router(shared.clone());
    let (shutdown, ended) = tokio::sync::watch::channel(false);
    let servers: Vec<_> = listeners
        .into_iter()
        .map(|listener| {
            let mut ended = ended.clone();
            let server = axum::serve(listener, app.clone()).with_graceful_shutdown(async move {
                let _ = ended.wait_for(|ended| *ended).await;
            });
            runtime.spawn(async move { server.await })
        })
        .collect();

    let url = guard::launch_url(&shared);
    println!("styrdok visas på {url}");
    if args.double_clicked {
        println!("Arbetsböckerna läses från {}", args.input.input.display());
        println!("Dokumenten skrivs till {}", args.output.output.display());
        println!("Avsluta med knappen «Avsluta styrdok» på sidan, eller stäng det här fönstret.");
    } else {
        println!("Avsluta med knappen «Avsluta styrdok» på sidan, eller Ctrl-C här.");
    }
    if !args.no_open
        && let Err(e) = open::that_detached(&url)
    {
        eprintln!("varning: webbläsaren kunde inte öppnas ({e}); öppna adressen ovan själv.");
    }

    let request = BuildRequest {
        input: args.input.input.clone(),
        output: args.output.output.clone(),
        documents: options,
        ..BuildRequest::default()
    };
    let watched = live::run(&shared, &request);

    shared.close();
    let _ = shutdown.send(true);
    runtime.block_on(async {
        for server in servers {
            let _ = tokio::time::timeout(GRACE, server).await;
        }
    });
    runtime.shutdown_timeout(GRACE);
    shared.remove_uploads();
    println!("styrdok avslutat.");
    Ok(watched?)
}

/// 127.0.0.1 on the port asked for (else a free one), and [::1] on the same port where the machine
/// has it. Never any other address: the page is for this machine only.
async fn bind(port: Option<u16>) -> Result<(Vec<TcpListener>, u16), ServeError> {
    let v4 = SocketAddr::from((Ipv4Addr::LOCALHOST, port.unwrap_or(0)));
    let first = TcpListener::bind(v4)
        .await
        .map_err(|source| ServeError::Bind {
            address: v4,
            source,
        })?;
    let port = first
        .local_addr()
        .map_err(|source| ServeError::Bind {
            address: v4,
            source,
        })?
        .port();
    let mut listeners = vec![first];
    // ::1 is a convenience (a browser that resolves localhost to it first); without IPv6 the page
    // is still reached on 127.0.0.1.
    if let Ok(v6) = TcpListener::bind(SocketAddr::from((Ipv6Addr::LOCALHOST, port))).await {
        listeners.push(v6);
    }
    Ok((listeners, port))
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(overview))
        .route("/problem", get(problems))
        .route("/dokument", get(documents))
        .route("/dokument/{id}", get(viewer))
        .route("/sida/{id}/{page}", get(page_image))
        .route("/fil/{id}", get(files::one))
        .route("/alla.zip", get(files::all))
        .route("/handelser", get(events))
        .route(
            "/forandringar",
            get(changes).post(
                compare::upload
                    .layer(DefaultBodyLimit::max(compare::UPLOAD_LIMIT))
                    .layer(middleware::from_fn(compare::declared_length)),
            ),
        )
        .route("/forandringar/sluta", post(stop_comparing))
        .route("/mallar", get(templates))
        .route("/blanketter", get(forms_view))
        .route("/blanketter/skriv", post(forms::write))
        .route(
            "/blanketter/inkomna",
            post(
                forms::collect
                    .layer(DefaultBodyLimit::max(forms::LIMIT))
                    .layer(middleware::from_fn(compare::declared_length)),
            ),
        )
        .route("/blanketter.zip", get(files::forms))
        .route("/avsluta", post(end))
        .route("/styrdok.css", get(stylesheet))
        .route("/styrdok.js", get(script))
        .fallback(|| async { files::not_found() })
        .layer(middleware::from_fn_with_state(shared.clone(), guard::guard))
        .with_state(shared)
}

async fn overview(State(shared): State<Arc<Shared>>) -> Html<String> {
    let snapshot = shared.snapshot();
    let body = views::overview(&snapshot);
    Html(views::page(View::Overview, &snapshot, body).into_string())
}

async fn problems(State(shared): State<Arc<Shared>>) -> Html<String> {
    let snapshot = shared.snapshot();
    let body = views::problems(&snapshot);
    Html(views::page(View::Problems, &snapshot, body).into_string())
}

async fn documents(State(shared): State<Arc<Shared>>) -> Html<String> {
    let snapshot = shared.snapshot();
    let body = views::documents(&snapshot);
    Html(views::page(View::Documents, &snapshot, body).into_string())
}

/// `GET /dokument/{id}`: every page of a PDF, as images.
async fn viewer(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let Some(document) = shared.document(&id) else {
        let snapshot = shared.snapshot();
        let page = views::page(View::Documents, &snapshot, views::document_gone());
        return (StatusCode::NOT_FOUND, Html(page.into_string())).into_response();
    };
    let (held, wanted) = (shared.clone(), document.clone());
    let count = tokio::task::spawn_blocking(move || held.previews.count(&wanted))
        .await
        .unwrap_or(Err(pages::PageError::NotFound));
    let snapshot = shared.snapshot();
    let body = views::viewer(&document, &count);
    Html(views::page(View::Documents, &snapshot, body).into_string()).into_response()
}

#[derive(serde::Deserialize)]
struct ImageQuery {
    storlek: Option<String>,
}

/// `GET /sida/{id}/{n}`: page n (from 1) of a PDF as a PNG; `?storlek=liten` for a thumbnail.
async fn page_image(
    State(shared): State<Arc<Shared>>,
    Path((id, page)): Path<(String, String)>,
    Query(query): Query<ImageQuery>,
) -> Response {
    let (Some(document), Some(index)) = (
        shared.document(&id),
        page.parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
    ) else {
        return files::not_found();
    };
    let size = match query.storlek.as_deref() {
        Some("liten") => pages::Size::Thumbnail,
        _ => pages::Size::Page,
    };
    let held = shared.clone();
    let png = tokio::task::spawn_blocking(move || held.previews.png(&document, index, size))
        .await
        .unwrap_or(Err(pages::PageError::NotFound));
    match png {
        Ok(png) => ([(header::CONTENT_TYPE, "image/png")], png.as_ref().clone()).into_response(),
        Err(pages::PageError::NotFound) => files::not_found(),
        Err(e @ pages::PageError::Stale) => (StatusCode::CONFLICT, e.to_string()).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

async fn changes(State(shared): State<Arc<Shared>>) -> Html<String> {
    let snapshot = shared.snapshot();
    let body = views::changes(&snapshot);
    Html(views::page(View::Changes, &snapshot, body).into_string())
}

async fn templates(State(shared): State<Arc<Shared>>) -> Html<String> {
    let snapshot = shared.snapshot();
    let body = views::templates(&snapshot);
    Html(views::page(View::Templates, &snapshot, body).into_string())
}

async fn forms_view(State(shared): State<Arc<Shared>>) -> Html<String> {
    let snapshot = shared.snapshot();
    let body = views::forms(&snapshot);
    Html(views::page(View::Forms, &snapshot, body).into_string())
}

/// `POST /forandringar/sluta`: no more comparing; the documents are rebuilt without the changes.
async fn stop_comparing(State(shared): State<Arc<Shared>>) -> Response {
    let held = shared.clone();
    let _ = tokio::task::spawn_blocking(move || held.stop_comparing()).await;
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/forandringar")]).into_response()
}

/// `POST /avsluta`: ends the watch loop, which ends the server.
async fn end(State(shared): State<Arc<Shared>>) -> Html<String> {
    shared.control.stop();
    Html(views::ended().into_string())
}

/// The open page hears of every finished build (`bygge`, the generation number), and of the end
/// (`avslutad`), so it can update itself without a reload.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let builds: Pin<Box<dyn Stream<Item = u64> + Send>> = match shared.subscribe() {
        Some(generations) => Box::pin(WatchStream::new(generations)),
        None => Box::pin(tokio_stream::empty()),
    };
    let stream = builds
        .map(|generation| Event::default().event("bygge").data(generation.to_string()))
        .chain(tokio_stream::once(
            Event::default().event("avslutad").data(""),
        ))
        .map(Ok);
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The page's own style and script, compiled into the binary.
pub(crate) const STYLESHEET: &str = include_str!("assets/styrdok.css");
const SCRIPT: &str = include_str!("assets/styrdok.js");

async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        STYLESHEET,
    )
        .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}
