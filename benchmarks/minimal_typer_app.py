"""The floor for cchc's start-up: the smallest useful typer app (one command)."""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    print(f"Xin chào, {name}!")


if __name__ == "__main__":
    app()
