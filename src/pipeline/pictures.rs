//! The picture files named in sheet Bilder: found beside the workbook, inside its folder, and really a
//! PNG, JPEG or SVG that Typst can draw. Their bytes are attached to the model here, so rendering
//! reads nothing from disk and a picture that fails is a problem at its cell, never a broken build.

use crate::diagnostics::{Diagnostic, Problem};
use crate::model::{Agreement, ImageFile, ImageKind};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use typst::foundations::Bytes;
use typst::visualize::{ExchangeFormat, ImageFormat, RasterFormat, RasterImage, SvgImage};

/// Larger than this is a photo straight from a camera: it would bloat every PDF it is in.
const MAX_MEGABYTES: u64 = 20;

/// Reads every picture of every mandate relative to `folder` (the workbook's folder). Without a
/// folder (a workbook built in memory) the pictures cannot be found and each says so.
pub(crate) fn attach(agreement: &mut Agreement, folder: Option<&Path>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for mandate in &mut agreement.mandates {
        for picture in &mut mandate.pictures {
            match read(folder, &picture.file) {
                Ok(image) => picture.image = Some(image),
                Err(problem) => out.push(Diagnostic::at(picture.file_at.clone(), problem)),
            }
        }
    }
    out
}

fn read(folder: Option<&Path>, written: &str) -> Result<ImageFile, Problem> {
    let file = written.to_string();
    let relative = relative_path(written)
        .ok_or_else(|| Problem::PictureOutsideProject { file: file.clone() })?;
    let folder = folder.ok_or_else(|| Problem::PictureMissing { file: file.clone() })?;
    let path = folder.join(&relative);
    if !path.exists() {
        return Err(Problem::PictureMissing { file });
    }
    // A symbolic link may still lead out of the folder: compare where both really are.
    let inside = match (folder.canonicalize(), path.canonicalize()) {
        (Ok(root), Ok(real)) => real.starts_with(root),
        _ => false,
    };
    if !inside {
        return Err(Problem::PictureOutsideProject { file });
    }
    let not_an_image = |detail: &str| Problem::PictureNotAnImage {
        file: file.clone(),
        detail: detail.to_string(),
    };
    let metadata = std::fs::metadata(&path).map_err(|e| not_an_image(&e.to_string()))?;
    if !metadata.is_file() {
        return Err(not_an_image("en mapp"));
    }
    let megabytes = metadata.len().div_ceil(1024 * 1024);
    if megabytes > MAX_MEGABYTES {
        return Err(Problem::PictureTooLarge {
            file: file.clone(),
            megabytes,
            limit: MAX_MEGABYTES,
        });
    }
    let bytes = std::fs::read(&path).map_err(|e| not_an_image(&e.to_string()))?;
    let kind = decode(&bytes).map_err(|detail| not_an_image(&detail))?;
    Ok(ImageFile {
        kind,
        bytes: Arc::from(bytes),
    })
}

/// The written path as a plain relative path: `bilder\insatser.png` (Windows) works, while `../`,
/// `/etc/…` and `C:\…` would leave the project's folder and give `None`.
fn relative_path(written: &str) -> Option<PathBuf> {
    let unified = written.trim().replace('\\', "/");
    if unified.starts_with('/') || unified.chars().nth(1) == Some(':') {
        return None;
    }
    let mut path = PathBuf::new();
    for component in Path::new(&unified).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!path.as_os_str().is_empty()).then_some(path)
}

/// The kind of picture, after Typst itself has decoded it: what passes here renders.
fn decode(bytes: &[u8]) -> Result<ImageKind, String> {
    let data = Bytes::new(bytes.to_vec());
    match ImageFormat::detect(bytes) {
        Some(ImageFormat::Raster(RasterFormat::Exchange(format @ ExchangeFormat::Png)))
        | Some(ImageFormat::Raster(RasterFormat::Exchange(format @ ExchangeFormat::Jpg))) => {
            // Typst's reasons are English decoder messages: the user is told what to do instead.
            RasterImage::plain(data, format).map_err(|_| "bildfilen är trasig".to_string())?;
            Ok(if format == ExchangeFormat::Png {
                ImageKind::Png
            } else {
                ImageKind::Jpeg
            })
        }
        Some(ImageFormat::Vector(typst::visualize::VectorFormat::Svg)) => {
            SvgImage::new(data).map_err(|_| "SVG-filen är trasig".to_string())?;
            Ok(ImageKind::Svg)
        }
        Some(_) => Err("formatet stöds inte; använd PNG, JPEG eller SVG".into()),
        None => Err("varken PNG, JPEG eller SVG".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder() {
        for bad in [
            "../bild.png",
            "/etc/passwd",
            "C:\\bild.png",
            "bilder/../../x.png",
            "",
        ] {
            assert_eq!(relative_path(bad), None, "{bad}");
        }
        assert_eq!(
            relative_path("bilder\\insatser.png"),
            Some(PathBuf::from("bilder/insatser.png"))
        );
        assert_eq!(relative_path("./a.svg"), Some(PathBuf::from("a.svg")));
    }

    #[test]
    fn only_pictures_typst_can_draw() {
        assert!(decode(b"hello").is_err());
        assert!(decode(b"\x89PNG\r\n\x1a\n broken").is_err());
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#;
        assert_eq!(decode(svg), Ok(ImageKind::Svg));
    }
}
